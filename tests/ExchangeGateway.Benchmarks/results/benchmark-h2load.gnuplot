$d1024_direct << EOD
1 12650.333 0.13
16 41128.667 0.547
64 56839.667 2.162
EOD
$d1024_proxy_pair << EOD
1 3599.333 0.37
16 11038.667 3.11
64 12473.667 9.632
EOD
$d1024_relay_pair << EOD
1 2299.333 0.586
16 13467.667 2.206
64 20893.667 5.243
EOD
$d1024_gateway_pair << EOD
1 604.667 4.305
16 3116.667 11.662
64 4355.667 32.421
EOD
$d65536_direct << EOD
1 2247 0.69
16 3200.333 7.874
64 3562.126 30.064
EOD
$d65536_proxy_pair << EOD
1 1111 1.223
16 2008 15.342
64 2116.279 55.489
EOD
$d65536_relay_pair << EOD
1 875.667 1.597
16 1433 18.251
64 1677.741 62.269
EOD
$d65536_gateway_pair << EOD
1 290.667 6.686
16 846 26.877
64 973.09 113.118
EOD
$d1048576_direct << EOD
1 184.333 11.12
16 210 108.862
64 206.977 393.191
EOD
$d1048576_proxy_pair << EOD
1 108.333 17.232
16 150.667 150.947
64 150.498 564.771
EOD
$d1048576_relay_pair << EOD
1 83 21.023
16 99.333 218.962
64 99 713.482
EOD
$d1048576_gateway_pair << EOD
1 51.667 29.756
16 75.415 333.574
64 65 1314.463
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run/benchmark-h2load.png'
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
