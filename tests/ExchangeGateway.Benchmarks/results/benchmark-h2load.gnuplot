$d1024_direct << EOD
1 12198.333 0.149
16 53073 0.483
64 59663.333 2.304
EOD
$d1024_proxy_pair << EOD
1 3467.667 0.401
16 10652.667 3.277
64 13851 8.733
EOD
$d1024_relay_pair << EOD
1 2486 0.521
16 15482 2.015
64 19836.333 6.621
EOD
$d1024_gateway_pair << EOD
1 656.333 3.692
16 3530.667 10.591
64 4688 29.136
EOD
$d65536_direct << EOD
1 2118.333 0.711
16 3704.319 6.494
64 4191.333 23.539
EOD
$d65536_proxy_pair << EOD
1 1003.667 1.616
16 2228 14.279
64 2325 50.718
EOD
$d65536_relay_pair << EOD
1 827.667 1.765
16 1651 16.566
64 1960.667 49.126
EOD
$d65536_gateway_pair << EOD
1 343.333 5.403
16 868 26.109
64 1007.667 92.788
EOD
$d1048576_direct << EOD
1 187 10.982
16 224.333 108.914
64 212.667 377.734
EOD
$d1048576_proxy_pair << EOD
1 106.312 17.683
16 161.667 139.995
64 145 637.214
EOD
$d1048576_relay_pair << EOD
1 81 20.791
16 117.333 181.681
64 95.349 801.635
EOD
$d1048576_gateway_pair << EOD
1 49 34.73
16 82.667 291.729
64 66.777 1201.449
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full2/benchmark-h2load.png'
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
