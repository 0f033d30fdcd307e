$d1024_direct << EOD
1 10629 0.214
16 43867 0.738
64 63856.333 1.828
EOD
$d1024_proxy_pair << EOD
1 3288.667 0.599
16 12302 2.741
64 14680.333 9.265
EOD
$d1024_relay_pair << EOD
1 1989.333 0.945
16 10332 3.519
64 15526.91 7.51
EOD
$d1024_gateway_pair << EOD
1 514.333 3.341
16 2751 12.741
64 4694.333 23.318
EOD
$d65536_direct << EOD
1 1981.333 0.911
16 3285 8.095
64 3882.333 25.77
EOD
$d65536_proxy_pair << EOD
1 1121 1.901
16 2226.333 14.078
64 2399.667 53.117
EOD
$d65536_relay_pair << EOD
1 732 2.282
16 1717 15.047
64 1709.333 64.982
EOD
$d65536_gateway_pair << EOD
1 288.333 6.329
16 758.14 34.645
64 905.333 105.189
EOD
$d1048576_direct << EOD
1 149 13.488
16 198 131.049
64 211.628 374.44
EOD
$d1048576_proxy_pair << EOD
1 110 18.463
16 168 146.687
64 162.667 612.201
EOD
$d1048576_relay_pair << EOD
1 86.333 20.394
16 120.333 211.983
64 110 849.871
EOD
$d1048576_gateway_pair << EOD
1 44 38.637
16 67.667 345.251
64 57 1658.127
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run13/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
